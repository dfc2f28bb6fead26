import pytest

from samspel.catalogues.loader import (
    CatalogueError,
    UnknownParagraph,
    catalogue,
    load_file,
    parse_catalogue,
)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("SEL §50", "BL §20"),
        ("SEL §52", "BL §32"),
        ("SEL §41", "BL §86"),
        ("SEL §42", "BL §87"),
        ("SEL §44", "BL §90"),
        ("SEL §11", "BL §30"),
        ("SEL §52a stk. 1 nr. 1", "BL §35"),
    ],
)
def test_danish_paragraphs_map_old_to_new_as_the_seed_says(old, new):
    danish = catalogue("DK")
    assert danish.current(old).code == new
    assert [p.code for p in danish.equivalents(new)] == [old, new]
    assert danish.paragraph(old).measure_class == danish.paragraph(new).measure_class


def test_measure_classes_drive_the_cadence_split():
    danish = catalogue("DK")
    assert danish.measure_classes(["SEL §41", "SEL §42"]) == {"compensation"}
    assert "child_professional" in danish.measure_classes(["SEL §41", "BL §20"])


def test_codes_are_normalised_and_unknown_codes_refused():
    assert catalogue("DK").paragraph("SEL  § 41").code == "SEL §41"
    with pytest.raises(UnknownParagraph):
        catalogue("DK").paragraph("SEL §999")


def test_goal_area_counts():
    sides = {}
    for area in catalogue("SE").goal_areas.values():
        sides[area.side] = sides.get(area.side, 0) + 1
    assert sides == {"Barnets behov": 7, "Föräldrarnas förmåga": 6, "Familj och miljö": 6}
    assert len(catalogue("DK").goal_areas) == 10


def test_shipped_files_load():
    assert set(catalogue("SE").paragraphs) >= {"SoL 6:8", "LVU 13 §"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"paragraphs": []}, "missing field 'jurisdiction'"),
        ({"jurisdiction": "NO", "paragraphs": []}, "must be one of SE, DK"),
        (
            {"jurisdiction": "DK", "paragraphs": [{"code": "A", "title": "t"}]},
            "paragraphs[0]: missing field 'measure_class'",
        ),
        (
            {
                "jurisdiction": "DK",
                "paragraphs": [{"code": "A", "title": "t", "measure_class": "magic"}],
            },
            "field 'measure_class' must be one of",
        ),
        (
            {
                "jurisdiction": "DK",
                "paragraphs": [
                    {"code": "A", "title": "t", "measure_class": "compensation", "replaced_by": "B"}
                ],
            },
            "names unknown 'B'",
        ),
    ],
)
def test_bad_catalogues_name_file_and_field(data, message):
    with pytest.raises(CatalogueError) as error:
        parse_catalogue(data, "bad.toml")
    assert "bad.toml" in str(error.value)
    assert message in str(error.value)


def test_invalid_toml_is_reported_with_the_file_name(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("jurisdiction = ")
    with pytest.raises(CatalogueError, match="broken.toml: not valid TOML"):
        load_file(path)

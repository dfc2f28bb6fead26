import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

from samspel.programmes import loader


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "DATA_DIR", tmp_path)
    loader.programmes.cache_clear()
    loader.laws.cache_clear()
    yield tmp_path
    loader.programmes.cache_clear()
    loader.laws.cache_clear()


def test_a_bad_programme_file_stops_start_up_naming_file_and_field(data_dir):
    (data_dir / "ours.toml").write_text(
        'key = "ours"\nname = "Ours"\njurisdiction = "SE"\n'
        '[[rules]]\nkey = "visit"\nkind = "recurring"\ntitle = "Weekly follow-up"\n'
        'activities = ["teleportation"]\nevery = { weeks = 1 }\n'
    )
    with pytest.raises(ImproperlyConfigured) as error:
        apps.get_app_config("programmes").ready()
    assert "ours.toml: rules[0] (visit): field 'activities' has unknown value" in str(error.value)


def test_a_bad_law_file_stops_start_up(data_dir):
    (data_dir / "law_se.toml").write_text('jurisdiction = "SE"\n[[rules]]\nkey = "x"\n')
    with pytest.raises(
        ImproperlyConfigured, match="law_se.toml: rules\\[0\\] \\(x\\): missing field 'kind'"
    ):
        apps.get_app_config("programmes").ready()


def test_good_files_start(data_dir):
    (data_dir / "ours.toml").write_text('key = "ours"\nname = "Ours"\njurisdiction = "DK"\n')
    apps.get_app_config("programmes").ready()
    assert loader.programme("ours").jurisdiction == "DK"

import pytest

from samspel.api.tokens import issue


@pytest.fixture
def token_of(personas):
    """A fresh token's secret for one of the personas (conftest.personas) or a given user."""

    def make(persona, days: int = 30) -> str:
        user = personas[persona] if isinstance(persona, str) else persona
        return issue(user, name="script", days=days, created_by=user)[1]

    return make

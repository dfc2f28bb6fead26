"""Keys of what the session remembers about the login (read by the middleware)."""

# Set when the user signed in through their organisation's OpenID provider, which did the
# second factor (samspel.organisations.sso).
SSO_LOGIN = "samspel_sso_login"

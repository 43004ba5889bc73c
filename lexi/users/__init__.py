"""People who sign in to the web app: users, memberships with a role, sessions and invites."""

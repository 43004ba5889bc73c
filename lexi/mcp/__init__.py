"""Lexi as an MCP server: ``lexi mcp`` (stdio) and ``/mcp`` on ``lexi serve`` (streamable HTTP).

``tools`` is the catalogue (service calls under declared scopes, no SDK); ``server`` builds the
MCP SDK server around it; ``http`` mounts it lazily on the API server.
"""

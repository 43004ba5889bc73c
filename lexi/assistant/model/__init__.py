"""Bring your own model: an optional language model proposes what a chat message means.

``config`` (settings, the workspace's data policy, the provider's model) and ``prompt`` import no
model library; ``interpreter`` imports pydantic-ai and is loaded only when ``LEXI_MODEL`` is set.
"""

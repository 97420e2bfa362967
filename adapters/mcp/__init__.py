"""The MCP server: the core inside AI clients (Claude Desktop, IDEs, agents). Needs the `mcp` extra."""

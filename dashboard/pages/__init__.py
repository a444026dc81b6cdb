"""One module per page; page-private helpers live in modules starting with an underscore."""

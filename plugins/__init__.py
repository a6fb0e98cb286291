"""Built-in CloudCat plugins, registered through the same entry points as external ones."""

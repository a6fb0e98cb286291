"""CloudCat core: the domain, plugin machinery, storage, jobs, web app and CLI."""

__version__ = "0.1.0"

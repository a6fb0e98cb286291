"""The shop's public marketing site, rendered by its theme (`cloudcat.core.providers.Theme`).

`routes` holds the endpoints under ``/s/{slug}/`` (and at ``/`` of a verified custom domain,
`domains`), `pages` the data each page is rendered from, `rendering` the sandboxed Jinja2
environments of the themes, `cache` the rendered-page cache, `http` the conditional-request
headers, `seo` sitemap, robots and structured data, `links` buy links, `locales` the language
choice and `footprints` the tracking snippet.
"""

"""The GraphQL schemas (admin and storefront) built with strawberry."""

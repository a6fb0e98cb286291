"""The GraphQL test client now lives in the partner kit (`cloudcat.core.testing.client`)."""

from cloudcat.core.testing.client import GraphQLClient, GraphQLError

__all__ = ["GraphQLClient", "GraphQLError"]

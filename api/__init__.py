"""geokg package."""

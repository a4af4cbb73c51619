"""Tests of reportgen's pdf package."""

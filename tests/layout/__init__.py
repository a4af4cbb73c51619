"""Tests of reportgen's layout package."""

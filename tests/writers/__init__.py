"""Tests of reportgen's writers package."""

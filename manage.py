#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "houvast.settings")
    if "SECRET_KEY" not in os.environ:
        # No secret means a developer's machine: development mode. Production always sets one.
        os.environ.setdefault("DEBUG", "True")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)

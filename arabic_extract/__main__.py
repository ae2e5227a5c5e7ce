"""``python -m arabic_extract``: the ``arabic-extract`` command."""

from arabic_extract.cli import main

if __name__ == "__main__":
    raise SystemExit(main())

"""`python -m scripts.derive`: see `scripts/derive/__init__.py`."""

from .main import main

raise SystemExit(main())

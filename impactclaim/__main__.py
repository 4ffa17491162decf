"""Allow ``python -m impactclaim``."""

from impactclaim.cli import main

if __name__ == "__main__":
    main()

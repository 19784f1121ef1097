"""``python -m mistrust.cli``: the same command line as the ``mistrust`` script."""

from mistrust.cli import main

main()

"""``python -m wirecoder.cli``: the same as the ``wirecoder`` command."""

from . import main

main()

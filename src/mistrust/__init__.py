"""mistrust: sanctions and non-proliferation monitoring from open-source reporting."""

from mistrust.errors import MistrustError
from mistrust.settings import Settings
from mistrust.workspace import Workspace

__version__ = "0.1.0"

__all__ = ["MistrustError", "Settings", "Workspace", "__version__"]

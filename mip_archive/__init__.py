"""mip-archive: an archive of the public statements and magazine articles of Managers in Partnership (MiP)."""

__version__ = "0.1.0"

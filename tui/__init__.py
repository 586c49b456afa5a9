"""newsdesk's terminal app and command line. Importing this package stays cheap."""

__version__ = "0.1.0"

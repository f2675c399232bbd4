"""What keeps pages fast and honest: the content version and the whole-page cache, and how a
failing cache server is survived."""

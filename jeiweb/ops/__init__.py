"""Running the site: the health check, backups, the site's domain."""

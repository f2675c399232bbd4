"""The site's content as a whole: the seed loader and the one publishing rule."""

"""Page templates and fitting: what a page looks like and how much text a slot holds."""

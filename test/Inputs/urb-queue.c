/*
 * Static helpers of a driver, in a .c file its main source #includes, for
 * test/models/header-inlines.c (drivers/usb/host/ohci-hcd.c includes
 * ohci-q.c, whose urb_free_priv() frees the URB's private data).
 */
struct urb_priv { void *td[4]; int length; };

static void urb_free_priv(struct urb_priv *urb_priv)
{
	kfree(urb_priv);
}

// The rules' frees-member and stores-in-member: usb_fill_*_urb() keep
// the transfer buffer in urb->transfer_buffer, and the last
// usb_free_urb() frees it too when URB_FREE_BUFFER is set in
// urb->transfer_flags (drivers/bluetooth/btusb.c,
// btusb_submit_bulk_urb() and btusb_submit_isoc_urb()).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

#define URB_SHORT_NOT_OK	0x0001
#define URB_ISO_ASAP		0x0002
#define URB_FREE_BUFFER		0x0100

struct usb_device;
struct urb {
	unsigned int transfer_flags;
	void *transfer_buffer;
	unsigned char *setup_packet;
};
struct urb *usb_alloc_urb(int iso_packets, unsigned int mem_flags);
void usb_free_urb(struct urb *urb);
int usb_submit_urb(struct urb *urb, unsigned int mem_flags);
void usb_unanchor_urb(struct urb *urb);

// An inline of include/linux/usb.h; the rules say what it keeps.
void usb_fill_bulk_urb(struct urb *urb, struct usb_device *dev,
		       unsigned int pipe, void *transfer_buffer, int buffer_length,
		       void *complete_fn, void *context);

// The flag set with |=: the buffer goes with the urb.
// CHECK-NOT: In function 'submit_bulk':
int submit_bulk(struct usb_device *udev)
{
	struct urb *urb;
	void *buf;
	int err;

	urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!urb)
		return -ENOMEM;
	buf = kmalloc(64, GFP_KERNEL);
	if (!buf) {
		usb_free_urb(urb);
		return -ENOMEM;
	}
	usb_fill_bulk_urb(urb, udev, 3, buf, 64, NULL, NULL);
	urb->transfer_flags |= URB_FREE_BUFFER;
	err = usb_submit_urb(urb, GFP_KERNEL);
	if (err < 0)
		usb_unanchor_urb(urb);
	usb_free_urb(urb);
	return err;
}

// The flag among others, assigned whole.
// CHECK-NOT: In function 'submit_isoc':
int submit_isoc(struct usb_device *udev)
{
	struct urb *urb;
	void *buf;
	int err;

	urb = usb_alloc_urb(10, GFP_KERNEL);
	if (!urb)
		return -ENOMEM;
	buf = kmalloc(64, GFP_KERNEL);
	if (!buf) {
		usb_free_urb(urb);
		return -ENOMEM;
	}
	usb_fill_bulk_urb(urb, udev, 3, buf, 64, NULL, NULL);
	urb->transfer_flags = URB_FREE_BUFFER | URB_ISO_ASAP;
	err = usb_submit_urb(urb, GFP_KERNEL);
	if (err < 0)
		usb_unanchor_urb(urb);
	usb_free_urb(urb);
	return err;
}

// Without the flag the buffer stays the driver's to free.
// CHECK-LABEL: In function 'submit_unflagged':
int submit_unflagged(struct usb_device *udev)
{
	struct urb *urb;
	void *buf;
	int err;

	urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!urb)
		return -ENOMEM;
	buf = kmalloc(64, GFP_KERNEL);
	if (!buf) {
		usb_free_urb(urb);
		return -ENOMEM;
	}
	usb_fill_bulk_urb(urb, udev, 3, buf, 64, NULL, NULL);
	urb->transfer_flags |= URB_SHORT_NOT_OK;
	err = usb_submit_urb(urb, GFP_KERNEL);
	if (err) {
		usb_free_urb(urb);
		// CHECK: urb-buffer.c:[[@LINE+1]]:3: warning: 'buf' from kmalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return err;
	}
	return 0;
}

// The flag set on another urb frees that urb's buffer, not this one.
// CHECK-LABEL: In function 'submit_other':
int submit_other(struct usb_device *udev, struct urb *other)
{
	struct urb *urb;
	void *buf;
	int err;

	urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!urb)
		return -ENOMEM;
	buf = kmalloc(64, GFP_KERNEL);
	if (!buf) {
		usb_free_urb(urb);
		return -ENOMEM;
	}
	usb_fill_bulk_urb(urb, udev, 3, buf, 64, NULL, NULL);
	other->transfer_flags |= URB_FREE_BUFFER;
	err = usb_submit_urb(urb, GFP_KERNEL);
	if (err) {
		usb_free_urb(urb);
		// CHECK: urb-buffer.c:[[@LINE+1]]:3: warning: 'buf' from kmalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return err;
	}
	return 0;
}

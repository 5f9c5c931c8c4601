// A buffer the leak check reported at an error return, and that is also
// lost at a return ladder cannot call an error, is one warning: the
// other return is a note.  Only a lost-handle folds into a leak, never
// the other way: a lost-handle finding may be withdrawn when another
// path hands the buffer on (model handed-on-some-path), and the leak
// must stay.  The fold itself, a buffer lost at the merged "return
// ret < 0 ? ret : 0;" that leaks there too, is test/leak/merged-returns.c's
// returns_a_choice(), whose hw_xfer() is given the buffer with its length.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

int hw(void);

// The leak at the -EIO return stays when the paths that store the
// buffer in the array take back its lost-handle at the loop's end.
// CHECK-LABEL: In function 'fill_array':
int fill_array(void **bufs, int count)
{
	int i = 0;

	while (count) {
		void *buf = kzalloc(8, GFP_KERNEL);

		if (!buf)
			return -ENOMEM;
		if (hw())
			// CHECK: folds-into-leak.c:[[@LINE+1]]:4: warning: 'buf' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
			return -EIO;
		bufs[i++] = buf;
		count--;
	}
	return 0;
}

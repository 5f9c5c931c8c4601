// Model contents-follow: what an object holds goes where the object
// goes.  A block the function allocated, filled (band->channels =
// kmemdup(...)) and then left in an object its caller cleans
// (wiphy->bands[i] = band) is the caller's with everything in it: the
// caller's destructor frees the channels with the band.  The shape is
// drivers/net/wireless/broadcom/brcm80211/brcmfmac/cfg80211.c,
// brcmf_setup_wiphy(), whose caller frees every band and its channels
// through brcmf_free_wiphy() when it fails.  An object the function
// frees itself takes nothing with it: kfree() does not free what the
// block points to.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-contents-follow %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:
// RUN: %ladder -I %inputs --explain %s 2>&1 >/dev/null | FileCheck %s --check-prefix=EXPLAIN

#include "kernel.h"

struct channel { int freq; };
struct band { struct channel *channels; int n; };
struct wiphy { struct band *bands[2]; };

static const struct band band_2g;
static const struct channel channels_2g[4];
int query_bands(struct wiphy *wiphy);
void *kmemdup(const void *src, size_t len, unsigned gfp);

// Silent: the 2 GHz band and its channels are in wiphy when the 5 GHz
// band fails, and setup()'s caller frees both.
// OFF-LABEL: In function 'setup_bands':
// EXPLAIN-LABEL: In function 'setup_bands':
// EXPLAIN: remark: 'band->channels' from kmemdup() is not reported at the error return on line [[@LINE+19]]: model 'contents-follow'
static int setup_bands(struct wiphy *wiphy)
{
	struct band *band;

	band = kmemdup(&band_2g, sizeof(band_2g), GFP_KERNEL);
	if (!band)
		return -ENOMEM;
	band->channels = kmemdup(channels_2g, sizeof(channels_2g), GFP_KERNEL);
	if (!band->channels) {
		kfree(band);
		return -ENOMEM;
	}
	band->n = 4;
	wiphy->bands[0] = band;

	band = kmemdup(&band_2g, sizeof(band_2g), GFP_KERNEL);
	if (!band)
		// OFF: contents-follow.c:[[@LINE+1]]:3: warning: 'band->channels' from kmemdup() is not released on this error path; kfree() is missing [ladder-leak]
		return -ENOMEM;
	wiphy->bands[1] = band;
	return 0;
}

static void free_wiphy(struct wiphy *wiphy)
{
	int i;

	for (i = 0; i < 2; i++) {
		if (!wiphy->bands[i])
			continue;
		kfree(wiphy->bands[i]->channels);
		kfree(wiphy->bands[i]);
	}
}

int attach(struct wiphy *wiphy)
{
	int err = setup_bands(wiphy);

	if (err) {
		free_wiphy(wiphy);
		return err;
	}
	return 0;
}

// Fires: the band is freed here, and kfree() leaves its channels behind.
// CHECK-LABEL: In function 'one_band':
int one_band(struct wiphy *wiphy)
{
	struct band *band = kmemdup(&band_2g, sizeof(band_2g), GFP_KERNEL);

	if (!band)
		return -ENOMEM;
	band->channels = kmemdup(channels_2g, sizeof(channels_2g), GFP_KERNEL);
	if (!band->channels) {
		kfree(band);
		return -ENOMEM;
	}
	if (query_bands(wiphy)) {
		kfree(band);
		// CHECK: contents-follow.c:[[@LINE+1]]:3: warning: 'band->channels' from kmemdup() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	}
	wiphy->bands[0] = band;
	return 0;
}

// Model optional-setup: an int function that leaves resources in its
// arguments' members on some success returns and nothing on the others
// sets up an optional part; when it succeeds its callers hold what it
// may have left, and a test of the member tells them which.
// drivers/gpu/drm/bridge/sii902x.c: sii902x_audio_codec_init() returns
// 0 at once without "#sound-dai-cells", else registers the codec in
// sii902x->audio.pdev (a member of a struct the object embeds);
// sii902x_init() unregisters it on its error paths.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-optional-setup %s | FileCheck %s --allow-empty --check-prefix=OFF --implicit-check-not=warning:
// OFF-NOT: warning:

#include "kernel.h"

struct platform_device *platform_device_register_data(struct device *parent,
		const char *name, int id, const void *data, size_t size);
void platform_device_unregister(struct platform_device *pdev);
bool has_audio(struct device *dev);
int mux_add(struct device *dev);

struct audio {
	struct platform_device *pdev;
	int channels;
};

struct priv {
	struct device *dev;
	struct audio audio;
	void *fw;
	int fw_type;
};

static int audio_init(struct priv *p)
{
	if (!has_audio(p->dev))
		return 0;
	p->audio.pdev = platform_device_register_data(p->dev, "codec", 0, NULL, 0);
	if (IS_ERR(p->audio.pdev))
		return PTR_ERR(p->audio.pdev);
	return 0;
}

// CHECK-LABEL: In function 'priv_init':
int priv_init(struct priv *p)
{
	int ret;

	ret = audio_init(p);
	if (ret)
		return ret;
	ret = mux_add(p->dev);
	if (ret)
		// CHECK: optional-setup.c:[[@LINE+1]]:3: warning: 'p->audio.pdev' from audio_init() is not released on this error path; platform_device_unregister() is missing [ladder-leak]
		return ret;
	return 0;
}

// The error path unregisters it where the member holds one: silent.
int priv_init_undone(struct priv *p)
{
	int ret;

	ret = audio_init(p);
	if (ret)
		return ret;
	ret = mux_add(p->dev);
	if (ret)
		goto err_unreg_audio;
	return 0;

err_unreg_audio:
	if (p->audio.pdev)
		platform_device_unregister(p->audio.pdev);
	return ret;
}

// A helper that releases what the member held before filling it again
// replaces it: a cache (drivers/net/wireless/ti/wlcore/main.c,
// wl12xx_fetch_firmware()) or an iterator (of_phandle_iterator_next()).
// Its early "return 0" keeps the old one, which is not the call's.
static int fw_fetch(struct priv *p, int type)
{
	if (p->fw_type == type)
		return 0;
	vfree(p->fw);
	p->fw = vmalloc(64);
	if (!p->fw)
		return -ENOMEM;
	p->fw_type = type;
	return 0;
}

int fw_start(struct priv *p)
{
	int ret;

	ret = fw_fetch(p, 1);
	if (ret)
		return ret;
	ret = mux_add(p->dev);
	if (ret)
		return ret;
	return 0;
}

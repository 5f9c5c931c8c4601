#include "kernel.h"

struct widget;
struct widget *widget_get(int id);
void widget_put(struct widget *w);
struct sk_buff;
struct sk_buff *beacon_make(void *hw);
void consume_skb(struct sk_buff *skb);
int widget_use(struct widget *w);
int send_template(void *data);
void rare_open(int id);
void rare_close(int id);

int b_one(int id)
{
	struct widget *w = widget_get(id);
	int ret;

	if (!w)
		return -ENODEV;
	ret = widget_use(w);
	widget_put(w);
	return ret;
}

int b_beacon(void *hw)
{
	struct sk_buff *skb = beacon_make(hw);
	int ret;

	if (!skb)
		return -ENOMEM;
	ret = send_template(skb);
	consume_skb(skb);
	return ret;
}

// Seen once: below the support threshold.
int b_other(int id)
{
	(void)id;
	if (send_template(0))
		goto err;
	(void)0;
	return 0;
err:
	(void)0;
	return -EIO;
}

// A getter's result freed in a teardown is no acquire: it is never tested
// for failure, so it is not mined.
void *holder_get_data(void *dev);
void b_remove(void *dev)
{
	void *priv = holder_get_data(dev);

	kfree(priv);
}

// A getter whose result a release of a pair acquired by argument undoes
// (reset_control_deassert(rst) ... reset_control_assert(rst)) is no
// acquire of that pair: not mined.
struct reset_control;
struct reset_control *my_reset_get(void *dev);
int reset_control_assert(struct reset_control *rstc);
int b_reset(void *dev)
{
	struct reset_control *rst = my_reset_get(dev);

	if (IS_ERR(rst))
		return -ENODEV;
	return reset_control_assert(rst);
}

// A pair whose acquire makes its handle through an out argument
// (request_firmware(&fw)): another call returning what its release frees
// is an acquire of it.
struct firmware;
void release_firmware(const struct firmware *fw);
const struct firmware *my_fw_request(void *dev);
int b_firmware(void *dev)
{
	const struct firmware *fw = my_fw_request(dev);

	if (!fw)
		return -ENODEV;
	release_firmware(fw);
	return 0;
}

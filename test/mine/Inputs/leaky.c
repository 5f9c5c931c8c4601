#include "kernel.h"

struct widget;
struct widget *widget_get(int id);
void widget_put(struct widget *w);
struct sk_buff;
struct sk_buff *beacon_make(void *hw);
void consume_skb(struct sk_buff *skb);
int widget_use(struct widget *w);
int send_template(void *data);

int leaky_widget(int id)
{
	struct widget *w = widget_get(id);

	if (!w)
		return -ENODEV;
	if (widget_use(w))
		return -EIO;
	widget_put(w);
	return 0;
}

int leaky_beacon(void *hw)
{
	struct sk_buff *skb = beacon_make(hw);

	if (!skb)
		return -ENOMEM;
	if (send_template(skb))
		return -EIO;
	consume_skb(skb);
	return 0;
}

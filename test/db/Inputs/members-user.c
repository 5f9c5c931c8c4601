#include "../../Inputs/kernel.h"

struct cfg {
	void *pno;
	void *btcoex;
};

int cfg_pno_attach(struct cfg *cfg);
void cfg_pno_detach(struct cfg *cfg);
int cfg_btcoex_attach(struct cfg *cfg);
void cfg_btcoex_detach(struct cfg *cfg);
void cfg_free(struct cfg *cfg);
struct cfg *cfg_get(void);
int cfg_activate(struct cfg *cfg);

/* The ladder's first rung frees the coex data, not the PNO data. */
int cfg_attach_forgets_pno(void)
{
	struct cfg *cfg = cfg_get();

	if (!cfg)
		return -ENODEV;
	if (cfg_btcoex_attach(cfg))
		return -ENOMEM;
	if (cfg_pno_attach(cfg))
		goto detach_btcoex;
	if (cfg_activate(cfg))
		goto detach_btcoex;
	return 0;

detach_btcoex:
	cfg_btcoex_detach(cfg);
	return -EIO;
}

/* Each rung undoes its own step. */
int cfg_attach(void)
{
	struct cfg *cfg = cfg_get();

	if (!cfg)
		return -ENODEV;
	if (cfg_btcoex_attach(cfg))
		return -ENOMEM;
	if (cfg_pno_attach(cfg))
		goto detach_btcoex;
	if (cfg_activate(cfg))
		goto detach_pno;
	return 0;

detach_pno:
	cfg_pno_detach(cfg);
detach_btcoex:
	cfg_btcoex_detach(cfg);
	return -EIO;
}

/*
 * A helper that frees the object itself counts as freeing what the
 * object holds of the pair, in one file or across files.
 */
int cfg_attach_or_free(void)
{
	struct cfg *cfg = cfg_get();

	if (!cfg)
		return -ENODEV;
	if (cfg_pno_attach(cfg))
		goto free;
	if (cfg_activate(cfg))
		goto free;
	return 0;

free:
	cfg_free(cfg);
	return -EIO;
}

// Helpers of another file, each for one member of the object it is
// given (brcmfmac's brcmf_pno_attach() and brcmf_btcoex_detach()).
#include "../../Inputs/kernel.h"

struct cfg {
	void *pno;
	void *btcoex;
};

int cfg_pno_attach(struct cfg *cfg)
{
	cfg->pno = kzalloc(16, GFP_KERNEL);
	if (!cfg->pno)
		return -ENOMEM;
	return 0;
}

void cfg_pno_detach(struct cfg *cfg)
{
	kfree(cfg->pno);
	cfg->pno = NULL;
}

int cfg_btcoex_attach(struct cfg *cfg)
{
	cfg->btcoex = kzalloc(16, GFP_KERNEL);
	if (!cfg->btcoex)
		return -ENOMEM;
	return 0;
}

void cfg_btcoex_detach(struct cfg *cfg)
{
	kfree(cfg->btcoex);
	cfg->btcoex = NULL;
}

/* Frees the object itself: whatever of the pair it holds goes with it. */
void cfg_free(struct cfg *cfg)
{
	kfree(cfg);
}

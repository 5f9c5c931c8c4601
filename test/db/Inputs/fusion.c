// megaraid_sas_fusion.c's shape: context allocators for an instance that
// megaraid_sas_base.c creates, and frees on failure with its own helper.
#include "../../Inputs/kernel.h"

struct inst {
	void *ctrl_context;
	void *cmds;
};

int inst_alloc_pages(struct inst *instance);

int inst_alloc_fusion_context(struct inst *instance)
{
	instance->ctrl_context = kzalloc(64, GFP_KERNEL);
	if (!instance->ctrl_context)
		return -ENOMEM;
	if (inst_alloc_pages(instance))
		return -ENOMEM;
	return 0;
}

int inst_alloc_cmds(struct inst *instance)
{
	instance->cmds = kcalloc(16, 8, GFP_KERNEL);
	if (!instance->cmds)
		return -ENOMEM;
	if (inst_alloc_pages(instance))
		return -ENOMEM;
	return 0;
}

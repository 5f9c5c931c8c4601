// megaraid_sas_base.c's shape: the fusion context's failure goes up
// through inst_alloc_ctrl_mem() to inst_init_fw(), whose unwind frees
// it.  The commands' caller frees them only when a later step fails
// (soundwire's sdw_bus_master_add() and its ida): no evidence that it
// cleans after inst_alloc_cmds() itself fails.
#include "../../Inputs/kernel.h"

struct inst {
	void *ctrl_context;
	void *cmds;
};

int inst_alloc_fusion_context(struct inst *instance);
int inst_alloc_cmds(struct inst *instance);
int inst_start(struct inst *instance);

static void inst_free_ctrl_mem(struct inst *instance)
{
	kfree(instance->ctrl_context);
}

static int inst_alloc_ctrl_mem(struct inst *instance)
{
	if (inst_alloc_fusion_context(instance))
		return -ENOMEM;
	return 0;
}

int inst_init_fw(struct inst *instance)
{
	if (inst_alloc_ctrl_mem(instance))
		goto fail;
	if (inst_start(instance))
		goto fail;
	return 0;
fail:
	inst_free_ctrl_mem(instance);
	return -EINVAL;
}

int inst_probe_cmds(struct inst *instance)
{
	int ret = inst_alloc_cmds(instance);

	if (ret)
		return ret;
	ret = inst_start(instance);
	if (ret)
		goto free_cmds;
	return 0;
free_cmds:
	kfree(instance->cmds);
	return ret;
}

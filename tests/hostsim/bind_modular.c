// SPDX-License-Identifier: GPL-2.0
/*
 * hvn_hostsim binding for kernels whose VMBus is a module (hv_vmbus):
 * the emulator takes hv_vmbus' place and exports the client API under the
 * real names, with each kernel family's signatures.
 */
#include <linux/module.h>
#include "hostsim.h"

__u32 vmbus_proto_version;
EXPORT_SYMBOL_GPL(vmbus_proto_version);

#define HS_API(name)	name
#define HS_EXPORT(name)	EXPORT_SYMBOL_GPL(name)
#include "bind_api.h"

int hs_bind_init(void)
{
	vmbus_proto_version = hs_vmbus_version;
	return 0;
}

void hs_bind_exit(void)
{
}


// SPDX-License-Identifier: GPL-2.0
/*
 * SR-IOV VF failover decisions (see hvn_vf.h).
 *
 * The serial in the host's association is not trusted beyond selecting
 * among devices that carry the synthetic NIC's MAC: a serial alone never
 * makes a device the VF.
 */
#include "hvn_vf.h"

/**
 * hvn_vf_assoc_word() - the association word of a SEND_VF_ASSOCIATION
 * @allocated: the host assigned a VF (else it withdrew it)
 * @serial: its PCI slot number (kept only when allocated)
 *
 * Return: HVN_VF_ASSOC_ON | @serial, or HVN_VF_ASSOC_OFF.
 */
u64 hvn_vf_assoc_word(bool allocated, u32 serial)
{
	return allocated ? HVN_VF_ASSOC_ON | serial : HVN_VF_ASSOC_OFF;
}

/**
 * hvn_vf_assoc_offered() - the host assigned a VF in this session
 * @assoc: association word
 *
 * Return: true if so.
 */
bool hvn_vf_assoc_offered(u64 assoc)
{
	return assoc & HVN_VF_ASSOC_ON;
}

/**
 * hvn_vf_assoc_withdrawn() - the host took its VF back in this session
 * @assoc: association word
 *
 * Return: true if so.
 */
bool hvn_vf_assoc_withdrawn(u64 assoc)
{
	return assoc & HVN_VF_ASSOC_OFF;
}

/**
 * hvn_vf_rank() - how well a device matches a synthetic NIC
 * @assoc: that NIC's association word
 * @has_serial: the device sits in a PCI slot with a numeric name
 * @serial: that number
 * @same_mac: the device carries the NIC's permanent MAC
 *
 * Return: HVN_VF_RANK_SERIAL for the slot the host named, with the MAC;
 * HVN_VF_RANK_MAC for the MAC alone unless the host withdrew its VF;
 * HVN_VF_RANK_NONE otherwise.
 */
enum hvn_vf_rank hvn_vf_rank(u64 assoc, bool has_serial, u32 serial,
			     bool same_mac)
{
	if (!same_mac || hvn_vf_assoc_withdrawn(assoc))
		return HVN_VF_RANK_NONE;
	if (hvn_vf_assoc_offered(assoc) && has_serial && (u32)assoc == serial)
		return HVN_VF_RANK_SERIAL;
	return HVN_VF_RANK_MAC;
}

/**
 * hvn_vf_slot_number() - read a PCI slot name as a serial number
 * @name: slot name (NUL-terminated)
 * @serial: set to the number
 *
 * Only plain decimal digits that fit in 32 bits count: no sign, spaces,
 * prefix or empty name (slot names such as "0-1" or "pcie-slot" do not).
 *
 * Return: true if @name is such a number.
 */
bool hvn_vf_slot_number(const char *name, u32 *serial)
{
	u64 v = 0;
	u32 n;

	for (n = 0; name[n]; n++) {
		if (name[n] < '0' || name[n] > '9')
			return false;
		v = v * 10 + (u32)(name[n] - '0');
		if (v > 0xffffffffULL)
			return false;
	}
	if (!n)
		return false;
	*serial = (u32)v;
	return true;
}

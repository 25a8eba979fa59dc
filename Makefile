# SPDX-License-Identifier: GPL-2.0
#
# hv-netvsc-dkms: out-of-tree Hyper-V network driver (module hv_netvsc).
#
#   make                      build for the running kernel
#   make KDIR=<tree>          build against another prepared kernel tree
#   make install              install into /lib/modules/<kver>/updates/
#   make clean
#   make check-quick          unit tests + one kernel (fast local loop)
#   make check                everything CI runs (unit, matrix, e2e)
#   make matrix               8 distro kernels in debootstrap roots
#   make e2e                  QEMU suite: emulated Hyper-V host, real kernels
#   make bench                same-boot throughput: in-tree driver vs ours
#
# Objects and the probe results go to BUILD_DIR (default build/<kver>), never
# into the source tree: one source tree serves any number of kernels.

SRC_DIR := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
HVN_VERSION := $(shell sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' $(SRC_DIR)/dkms.conf)

ifeq ($(KDIR),)
KVER ?= $(shell uname -r)
KDIR := /lib/modules/$(KVER)/build
KDIR_DEFAULTED := 1
else
# UTS_RELEASE names /lib/modules/<kver>; Debian's older header packages put
# the upstream version in include/config/kernel.release instead.
KVER ?= $(shell sed -n 's/^\#define UTS_RELEASE "\(.*\)"/\1/p' \
	$(KDIR)/include/generated/utsrelease.h 2>/dev/null)
endif
BUILD_DIR ?= $(SRC_DIR)/build/$(KVER)
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

# Trees and files the module is built from; mirrored into BUILD_DIR as
# symlinks so that Kbuild writes its objects there.
SRC_FILES := Kbuild $(shell cd $(SRC_DIR) && find $(patsubst $(SRC_DIR)/%,%,$(wildcard $(SRC_DIR)/src $(SRC_DIR)/compat $(SRC_DIR)/include)) -name '*.[ch]' \
		-not -path 'compat/probes/*' | sort)

KBUILD_ARGS := M=$(BUILD_DIR) HVN_VERSION=$(HVN_VERSION) \
	$(if $(WERROR),HVN_WERROR=1) $(if $(COMPAT_SELFTEST),HVN_COMPAT_SELFTEST=y) \
	$(if $(V),V=$(V)) $(KBUILD_EXTRA)

.PHONY: all modules probes install clean distclean unit fuzz check check-quick \
	matrix roots e2e bench demo help kdir-check

all: modules

kdir-check:
	@if [ ! -f "$(KDIR)/Makefile" ]; then \
		if [ -n "$(KDIR_DEFAULTED)" ]; then \
			echo "error: no kernel headers for the running kernel $(KVER)" >&2; \
			echo "       (looked for $(KDIR))." >&2; \
			echo "       Install them (Debian: apt-get install linux-headers-$(KVER))," >&2; \
			echo "       or build against another prepared tree:" >&2; \
			echo "       make KDIR=/usr/src/linux-headers-<version>" >&2; \
		else \
			echo "error: KDIR=$(KDIR) is not a prepared kernel tree (no Makefile)" >&2; \
		fi; \
		exit 2; \
	fi

$(BUILD_DIR)/.tree: kdir-check FORCE
	@mkdir -p $(BUILD_DIR)
	@cd $(SRC_DIR) && for f in $(SRC_FILES); do \
		mkdir -p $(BUILD_DIR)/$$(dirname $$f); \
		ln -sfn $(SRC_DIR)/$$f $(BUILD_DIR)/$$f; \
	done
	@find $(BUILD_DIR)/src $(BUILD_DIR)/compat $(BUILD_DIR)/include -xtype l -delete 2>/dev/null || true
	@touch $@

# PROBE_DIR=<dir> keeps the probe results outside the build directory, so
# that builds which start from a clean tree (DKMS, its trial build) share them.
probes: $(BUILD_DIR)/.tree
	@if [ -n "$(PROBE_DIR)" ]; then \
		mkdir -p $(PROBE_DIR) && rm -rf $(BUILD_DIR)/probes && \
		ln -sfn $(PROBE_DIR) $(BUILD_DIR)/probes; \
	fi
	@sh $(SRC_DIR)/compat/probe.sh $(KDIR) $(BUILD_DIR)/probes $(JOBS)

modules: probes
	$(MAKE) -C $(KDIR) $(KBUILD_ARGS) -j$(JOBS) modules
	@echo "built: $(BUILD_DIR)/hv_netvsc.ko ($(HVN_VERSION) for $(KVER))"

install: modules
	$(MAKE) -C $(KDIR) $(KBUILD_ARGS) INSTALL_MOD_DIR=updates modules_install
	@if [ -z "$(INSTALL_MOD_PATH)" ] && [ -z "$(DESTDIR)" ]; then depmod -a $(KVER); fi

clean:
	rm -rf $(SRC_DIR)/build
	$(MAKE) -C $(SRC_DIR)/tests/unit clean 2>/dev/null || true

distclean: clean

unit:
	$(MAKE) --no-print-directory -C $(SRC_DIR)/tests/unit

fuzz:
	$(MAKE) --no-print-directory -C $(SRC_DIR)/tests/fuzz

roots:
	bash $(SRC_DIR)/scripts/roots.sh

matrix:
	bash $(SRC_DIR)/scripts/matrix.sh

check:
	bash $(SRC_DIR)/scripts/check.sh full

check-quick:
	bash $(SRC_DIR)/scripts/check.sh quick

demo:
	bash $(SRC_DIR)/scripts/demo.sh

FORCE:

.PHONY: deb rpm check-packaging
deb:
	bash $(SRC_DIR)/scripts/build-packages.sh deb

rpm:
	bash $(SRC_DIR)/scripts/build-packages.sh rpm

check-packaging:
	bash $(SRC_DIR)/tests/packaging/run.sh

# make e2e [DRIVER=intree|ours|"intree ours"] [KERNELS="5.10 6.1 6.12 7"] [PROFILES="..."]
E2E_RELEASE_5.10 := bullseye
E2E_RELEASE_6.1 := bookworm
E2E_RELEASE_6.12 := trixie
E2E_RELEASE_7 := sid
DRIVER ?= ours
.PHONY: e2e
e2e:
	$(SRC_DIR)/tests/e2e/run.sh --driver "$(DRIVER)" \
		$(foreach k,$(KERNELS),--release $(or $(E2E_RELEASE_$(k)),$(k))) \
		$(if $(PROFILES),--profiles "$(PROFILES)")

# make bench [KERNELS="6.1"]: same-boot throughput, in-tree driver vs ours
bench:
	$(SRC_DIR)/tests/e2e/run.sh --bench \
		$(foreach k,$(or $(KERNELS),6.1),--release $(or $(E2E_RELEASE_$(k)),$(k)))

// Model stable-calls: a stable call answers the same for the same
// arguments, so its tests are path conditions.  test_bit() on a
// capability word, asked on the way in and again on the error path,
// takes the same branch both times (drivers/crypto/hisilicon/qm.c,
// qm_get_pci_res()).  Its result is kept below the lvalue whose address
// it is given, so storing there or passing the address on
// (clear_bit()) forgets it.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-stable-calls %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

struct qm { unsigned long caps; void *io_base; void *db_io_base; };
int qm_get_qp_num(struct qm *qm);
void clear_bit(long nr, volatile unsigned long *addr);

/*
 * As include/asm-generic/bitops/instrumented-non-atomic.h expands
 * test_bit(): __builtin_constant_p() picks one of two helpers that
 * compute the same bit.  The compiler folds it to 0 for a member's
 * address, so both tests go through generic_test_bit().
 */
static inline bool generic_test_bit(unsigned long nr, const volatile unsigned long *addr)
{
	return 1UL & (addr[nr / 64] >> (nr & 63));
}

static inline bool const_test_bit(unsigned long nr, const volatile unsigned long *addr)
{
	const unsigned long *p = (const unsigned long *)addr + nr / 64;

	return !!(*p & (1UL << (nr & 63)));
}

#define test_bit(nr, addr)						\
	((__builtin_constant_p(nr) &&					\
	  __builtin_constant_p((unsigned long)(addr) != 0) &&		\
	  (unsigned long)(addr) != 0 &&					\
	  __builtin_constant_p(*(const unsigned long *)(addr))) ?	\
	 const_test_bit(nr, addr) : generic_test_bit(nr, addr))

enum { QM_SUPPORT_DB_ISOLATION };

// OFF-LABEL: In function 'qm_get_pci_res':
int qm_get_pci_res(struct qm *qm)
{
	int ret;

	qm->io_base = ioremap(0x1000, 0x100);
	if (!qm->io_base)
		return -EIO;
	if (test_bit(QM_SUPPORT_DB_ISOLATION, &qm->caps)) {
		qm->db_io_base = ioremap(0x2000, 0x100);
		if (!qm->db_io_base) {
			ret = -EIO;
			goto err_ioremap;
		}
	} else {
		qm->db_io_base = qm->io_base;
	}
	ret = qm_get_qp_num(qm);
	if (ret)
		goto err_db_ioremap;
	return 0;

err_db_ioremap:
	if (test_bit(QM_SUPPORT_DB_ISOLATION, &qm->caps))
		iounmap(qm->db_io_base);
err_ioremap:
	// OFF: stable-calls.c:[[@LINE+1]]:2: warning: 'qm->io_base' is released twice
	iounmap(qm->io_base);
	// OFF: stable-calls.c:[[@LINE+1]]:2: warning: 'qm->db_io_base' from ioremap() is not released on this error path
	return ret;
}

// The bit cleared between the two tests: a new question, and the path
// that maps the doorbell and then skips its unmap is real.
// CHECK-LABEL: In function 'bit_cleared_between':
int bit_cleared_between(struct qm *qm)
{
	int ret;

	if (test_bit(QM_SUPPORT_DB_ISOLATION, &qm->caps)) {
		qm->db_io_base = ioremap(0x2000, 0x100);
		if (!qm->db_io_base)
			return -EIO;
	}
	clear_bit(QM_SUPPORT_DB_ISOLATION, &qm->caps);
	ret = qm_get_qp_num(qm);
	if (ret)
		goto err_db_ioremap;
	return 0;

err_db_ioremap:
	if (test_bit(QM_SUPPORT_DB_ISOLATION, &qm->caps))
		iounmap(qm->db_io_base);
	// CHECK: stable-calls.c:[[@LINE+1]]:2: warning: 'qm->db_io_base' from ioremap() is not released on this error path; iounmap() is missing [ladder-leak]
	return ret;
}

// Stored between the two tests: the same.
// CHECK-LABEL: In function 'caps_stored_between':
int caps_stored_between(struct qm *qm, unsigned long caps)
{
	int ret;

	if (test_bit(QM_SUPPORT_DB_ISOLATION, &qm->caps)) {
		qm->db_io_base = ioremap(0x2000, 0x100);
		if (!qm->db_io_base)
			return -EIO;
	}
	qm->caps = caps;
	ret = qm_get_qp_num(qm);
	if (ret)
		goto err_db_ioremap;
	return 0;

err_db_ioremap:
	if (test_bit(QM_SUPPORT_DB_ISOLATION, &qm->caps))
		iounmap(qm->db_io_base);
	// CHECK: stable-calls.c:[[@LINE+1]]:2: warning: 'qm->db_io_base' from ioremap() is not released on this error path; iounmap() is missing [ladder-leak]
	return ret;
}

// A header's helper whose body the file does not have is stable by the
// rules (rules/00-kernel-values.yaml): _test_bit() as
// instrumented-non-atomic.h declares it.
bool _test_bit(unsigned long nr, const volatile unsigned long *addr);

// OFF-LABEL: In function 'qm_get_pci_res_declared':
int qm_get_pci_res_declared(struct qm *qm)
{
	int ret;

	qm->io_base = ioremap(0x1000, 0x100);
	if (!qm->io_base)
		return -EIO;
	if (_test_bit(QM_SUPPORT_DB_ISOLATION, &qm->caps)) {
		qm->db_io_base = ioremap(0x2000, 0x100);
		if (!qm->db_io_base) {
			ret = -EIO;
			goto err_ioremap;
		}
	}
	ret = qm_get_qp_num(qm);
	if (ret)
		goto err_db_ioremap;
	return 0;

err_db_ioremap:
	if (_test_bit(QM_SUPPORT_DB_ISOLATION, &qm->caps))
		iounmap(qm->db_io_base);
err_ioremap:
	iounmap(qm->io_base);
	// OFF: stable-calls.c:[[@LINE+1]]:2: warning: 'qm->db_io_base' from ioremap() is not released on this error path
	return ret;
}

// `current` is get_current(), which the rules list as stable and which
// has no argument: the task a function runs in is one task to its end.
// An SDIO host claimed unless the IRQ task is the caller is released
// under the same test (drivers/net/wireless/rsi/rsi_91x_sdio.c,
// rsi_sdio_read_register()).
struct task_struct;
struct task_struct *get_current(void);
struct sdio_func;
void sdio_claim_host(struct sdio_func *func);
void sdio_release_host(struct sdio_func *func);
unsigned char sdio_f0_readb(struct sdio_func *func, unsigned int addr, int *err);
struct sdiodev {
	struct task_struct *sdio_irq_task;
	struct sdio_func *pfunction;
};

// OFF-LABEL: In function 'read_register':
int read_register(struct sdiodev *dev, unsigned int addr, unsigned char *data)
{
	int status;

	if (dev->sdio_irq_task != get_current())
		sdio_claim_host(dev->pfunction);
	*data = sdio_f0_readb(dev->pfunction, addr, &status);
	if (dev->sdio_irq_task != get_current())
		sdio_release_host(dev->pfunction);
	// OFF: stable-calls.c:[[@LINE+1]]:2: warning: 'dev->pfunction' from sdio_claim_host() is still held at this return; sdio_release_host() is missing [ladder-lock-held]
	return status;
}

// Model held-by-mirror: a function whose mirror-named undo in the file
// (mirror-verbs: prepare/unprepare) drops a lock it takes returns holding
// it on purpose (drivers/ufs/core/ufshcd.c,
// ufshcd_clock_scaling_prepare() and ufshcd_clock_scaling_unprepare()).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-held-by-mirror %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

#define EBUSY 16
struct mutex { int owner; };
void mutex_lock(struct mutex *m);
void mutex_unlock(struct mutex *m);
struct hba { struct mutex wb_mutex, other; bool allowed; };
int wait_idle(struct hba *hba);

// OFF-LABEL: In function 'scaling_prepare':
int scaling_prepare(struct hba *hba)
{
	mutex_lock(&hba->wb_mutex);
	if (!hba->allowed || wait_idle(hba)) {
		mutex_unlock(&hba->wb_mutex);
		return -EBUSY;
	}
	// OFF: held-by-mirror.c:[[@LINE+1]]:2: warning: 'hba->wb_mutex' from mutex_lock() is still held at this return; mutex_unlock() is missing [ladder-lock-held]
	return 0;
}

void scaling_unprepare(struct hba *hba)
{
	mutex_unlock(&hba->wb_mutex);
}

// An errno return is still a failure its caller will not undo.
// CHECK-LABEL: In function 'tuning_prepare':
int tuning_prepare(struct hba *hba)
{
	mutex_lock(&hba->wb_mutex);
	if (wait_idle(hba))
		// CHECK: held-by-mirror.c:[[@LINE+1]]:3: warning: 'hba->wb_mutex' from mutex_lock() is not released on this error path; mutex_unlock() is missing [ladder-leak]
		return -EBUSY;
	return 0;
}

void tuning_unprepare(struct hba *hba)
{
	mutex_unlock(&hba->wb_mutex);
}

// A function without such an undo is no lock helper.
// CHECK-LABEL: In function 'scaling_update':
int scaling_update(struct hba *hba)
{
	mutex_lock(&hba->other);
	hba->allowed = true;
	// CHECK: held-by-mirror.c:[[@LINE+1]]:2: warning: 'hba->other' from mutex_lock() is still held at this return; mutex_unlock() is missing [ladder-lock-held]
	return 0;
}

// An "undo" that takes and drops the lock for its own work is no sign
// that its mirror returns holding it.
// CHECK-LABEL: In function 'queue_enable':
int queue_enable(struct hba *hba)
{
	mutex_lock(&hba->other);
	hba->allowed = true;
	// CHECK: held-by-mirror.c:[[@LINE+1]]:2: warning: 'hba->other' from mutex_lock() is still held at this return; mutex_unlock() is missing [ladder-lock-held]
	return 0;
}

void queue_disable(struct hba *hba)
{
	mutex_lock(&hba->other);
	hba->allowed = false;
	mutex_unlock(&hba->other);
}

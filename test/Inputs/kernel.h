/* A few kernel declarations, spelled as the kernel spells them, for tests. */
#ifndef TEST_KERNEL_H
#define TEST_KERNEL_H

#define NULL ((void *)0)
#define ENOMEM 12
#define EINVAL 22
#define ENODEV 19
#define EIO 5
#define ETIMEDOUT 110
#define EPROBE_DEFER 517
#define GFP_KERNEL 0xcc0u
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#ifndef LADDER_REAL_CLEANUP	/* cleanup.h defines these as the kernel does */
#define __free(f) __attribute__((__cleanup__(__free_##f)))
#endif

typedef unsigned long size_t;
typedef unsigned long long phys_addr_t;
typedef unsigned long long dma_addr_t;
typedef _Bool bool;
#define true 1
#define false 0

struct device { struct device *parent; void *of_node; };
struct platform_device { struct device dev; int id; };
struct clk;
struct regulator;
struct device_node;
struct firmware { size_t size; };

void *kmalloc(size_t size, unsigned gfp);
void *kzalloc(size_t size, unsigned gfp);
void *kcalloc(size_t n, size_t size, unsigned gfp);
void *kmalloc_array(size_t n, size_t size, unsigned gfp);
void *krealloc(const void *p, size_t size, unsigned gfp);
char *kstrdup(const char *s, unsigned gfp);
void kfree(const void *p);
void *vmalloc(size_t size);
void vfree(const void *p);
void *devm_kzalloc(struct device *dev, size_t size, unsigned gfp);
void *alloc_pages_exact(size_t size, unsigned gfp);
void free_pages_exact(void *virt, size_t size);
void *ioremap(phys_addr_t offset, size_t size);
void iounmap(void *addr);
void *memremap(phys_addr_t offset, size_t size, unsigned long flags);
void memunmap(void *addr);
phys_addr_t virt_to_phys(const volatile void *x);

void *ERR_PTR(long error);
long PTR_ERR(const void *ptr);
bool IS_ERR(const void *ptr);
bool IS_ERR_OR_NULL(const void *ptr);
int dev_err_probe(const struct device *dev, int err, const char *fmt, ...);
#ifndef LADDER_REAL_CLEANUP
void __free_kfree(void *p);
#endif

typedef int (*irq_handler_t)(int, void *);
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev);
void *free_irq(unsigned int irq, void *dev_id);
int platform_get_irq(struct platform_device *pdev, unsigned int num);

struct clk *clk_get(struct device *dev, const char *id);
void clk_put(struct clk *clk);
int clk_prepare_enable(struct clk *clk);
void clk_disable_unprepare(struct clk *clk);
int clk_prepare(struct clk *clk);
void clk_unprepare(struct clk *clk);
int clk_enable(struct clk *clk);
void clk_disable(struct clk *clk);
struct clk_bulk_data;
int clk_bulk_prepare_enable(int num_clks, const struct clk_bulk_data *clks);
void clk_bulk_disable_unprepare(int num_clks, const struct clk_bulk_data *clks);
void clk_bulk_disable(int num_clks, const struct clk_bulk_data *clks);
void clk_bulk_unprepare(int num_clks, const struct clk_bulk_data *clks);
struct clk *devm_clk_get(struct device *dev, const char *id);
int regulator_enable(struct regulator *reg);
int regulator_disable(struct regulator *reg);

int pm_runtime_get_sync(struct device *dev);
int pm_runtime_resume_and_get(struct device *dev);
int pm_runtime_put(struct device *dev);
int pm_runtime_put_noidle(struct device *dev);
void pm_runtime_enable(struct device *dev);
void pm_runtime_disable(struct device *dev);

struct device_node *of_parse_phandle(const struct device_node *np,
				     const char *name, int index);
struct device_node *of_get_next_child(const struct device_node *node,
				      struct device_node *prev);
void of_node_put(struct device_node *node);
#define for_each_child_of_node(parent, child) \
	for (child = of_get_next_child(parent, NULL); child != NULL; \
	     child = of_get_next_child(parent, child))

int request_firmware(const struct firmware **fw, const char *name,
		     struct device *device);
void release_firmware(const struct firmware *fw);

dma_addr_t dma_map_single(struct device *dev, void *ptr, size_t size, int dir);
void dma_unmap_single(struct device *dev, dma_addr_t addr, size_t size, int dir);
int dma_mapping_error(struct device *dev, dma_addr_t dma_addr);

int devm_add_action_or_reset(struct device *dev, void (*action)(void *), void *data);
int device_register(struct device *dev);
void put_device(struct device *dev);

struct reset_control;
int reset_control_assert(struct reset_control *rstc);
int reset_control_deassert(struct reset_control *rstc);
void udelay(unsigned long usecs);

/* Things that neither acquire nor release. */
int some_hw_init(void *p);
int some_setup(void);
int hw_read(struct device *dev, unsigned reg);
void pr_err(const char *fmt, ...);

#endif

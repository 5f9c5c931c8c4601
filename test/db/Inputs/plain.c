// A helper of its own file that does nothing its callers see (no
// acquire, no release, and an unknown call keeps it from being stable):
// its database row has empty facts.
int plain_read_register(int reg);

int plain_scale(int x)
{
	return plain_read_register(x) * 3 + 1;
}

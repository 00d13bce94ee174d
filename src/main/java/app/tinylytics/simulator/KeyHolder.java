package app.tinylytics.simulator;

/** The authenticated caller of one simulator request: its key's metadata and account (the secret stays out of toString). */
public final class KeyHolder {

    private final String secret;
    private final DemoKey key;
    private final AccountRow account;

    KeyHolder(String secret, DemoKey key, AccountRow account) {
        this.secret = secret;
        this.key = key;
        this.account = account;
    }

    String secret() {
        return secret;
    }

    public DemoKey key() {
        return key;
    }

    public AccountRow account() {
        return account;
    }

    @Override
    public String toString() {
        return "KeyHolder[account=" + account.id() + ", key=" + key.name() + "]";
    }
}

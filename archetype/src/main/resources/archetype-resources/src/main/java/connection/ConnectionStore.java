package ${package}.connection;

/** Where the API keeps track of its open connections. */
public interface ConnectionStore {

    /** Records a connection; saving the same id again replaces it. */
    void save(Connection connection);

    /** Forgets a connection. Removing an unknown id is not an error: disconnects can repeat. */
    void remove(String connectionId);

    /** Runs the offline part of the store's work once, for SnapStart; nothing leaves the JVM. */
    void prime();
}

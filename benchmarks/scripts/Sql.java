import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs SQL statements against a PostgreSQL (such as the app's embedded one, user postgres, no
 * password) and prints result rows separated by " | ". For the scripts beside it:
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar benchmarks/scripts/Sql.java JDBC_URL SQL...</pre>
 */
public class Sql {
  public static void main(String[] args) throws SQLException {
    try (Connection connection = DriverManager.getConnection(args[0], "postgres", "");
        Statement statement = connection.createStatement()) {
      for (int i = 1; i < args.length; i++) {
        if (!statement.execute(args[i])) {
          continue;
        }
        try (ResultSet rows = statement.getResultSet()) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            StringBuilder line = new StringBuilder();
            for (int column = 1; column <= columns; column++) {
              line.append(column > 1 ? " | " : "").append(rows.getString(column));
            }
            System.out.println(line);
          }
        }
      }
    }
  }
}

package it.sportello.shared;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The persistent, cluster-safe scheduler every module's time-based work runs on (db-scheduler,
 * table {@code scheduled_tasks}): a task instance runs on one node at a time, survives restarts,
 * and is picked up by another node when its node dies. Modules contribute {@link Task} beans;
 * recurring ones start by themselves. Scheduling inside a Spring transaction is atomic with it.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean
    Scheduler scheduler(
            DataSource dataSource,
            List<Task<?>> tasks,
            @Value("${sportello.scheduler.polling-interval:5s}") Duration pollingInterval,
            @Value("${sportello.scheduler.threads:4}") int threads) {
        List<RecurringTask<?>> recurring = tasks.stream()
                .filter(RecurringTask.class::isInstance)
                .<RecurringTask<?>>map(RecurringTask.class::cast)
                .toList();
        // Recurring tasks are registered by startTasks; listing them here too makes db-scheduler refuse the duplicate.
        List<Task<?>> others =
                tasks.stream().filter(task -> !(task instanceof RecurringTask)).toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), others)
                .startTasks(recurring)
                .pollingInterval(pollingInterval)
                .threads(threads)
                .enableImmediateExecution()
                // H2 gets no dialect of its own in db-scheduler; UTC everywhere keeps both databases alike.
                .alwaysPersistTimestampInUTC()
                .build();
    }

    /** Starts the scheduler once the application (and its database schema) is ready; stops it first on shutdown. */
    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                // After the web server and the database are up; stopped before them.
                return Integer.MAX_VALUE - 100;
            }
        };
    }
}

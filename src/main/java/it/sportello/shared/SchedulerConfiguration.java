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
        return build(dataSource, tasks, pollingInterval, threads);
    }

    private static Scheduler build(DataSource dataSource, List<Task<?>> tasks, Duration pollingInterval, int threads) {
        List<RecurringTask<?>> recurring = tasks.stream()
                .filter(RecurringTask.class::isInstance)
                .<RecurringTask<?>>map(RecurringTask.class::cast)
                .toList();
        // startTasks registers the recurring tasks itself; naming them twice fails with "Duplicate key".
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

    /**
     * Starts the scheduler once the application (and its database schema) is ready; stops it first
     * on shutdown. A stopped db-scheduler cannot start again, so a restart (tests pause and resume
     * application contexts) runs a fresh one on the same tables; the {@link Scheduler} bean stays
     * usable for scheduling work either way.
     */
    @Bean
    SmartLifecycle schedulerLifecycle(
            Scheduler scheduler,
            DataSource dataSource,
            List<Task<?>> tasks,
            @Value("${sportello.scheduler.polling-interval:5s}") Duration pollingInterval,
            @Value("${sportello.scheduler.threads:4}") int threads) {
        return new SmartLifecycle() {
            private Scheduler unstarted = scheduler;
            private volatile Scheduler running;

            @Override
            public synchronized void start() {
                Scheduler next = unstarted != null ? unstarted : build(dataSource, tasks, pollingInterval, threads);
                unstarted = null;
                next.start();
                running = next;
            }

            @Override
            public synchronized void stop() {
                if (running != null) {
                    running.stop();
                    running = null;
                }
            }

            @Override
            public boolean isRunning() {
                return running != null;
            }

            @Override
            public int getPhase() {
                // After the web server and the database are up; stopped before them.
                return Integer.MAX_VALUE - 100;
            }
        };
    }
}
